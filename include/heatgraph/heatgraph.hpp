// The whole public API.
#pragma once

#include "heatgraph/article.hpp"
#include "heatgraph/classification.hpp"
#include "heatgraph/diagnostic.hpp"
#include "heatgraph/error.hpp"
#include "heatgraph/event.hpp"
#include "heatgraph/event_json.hpp"
#include "heatgraph/format.hpp"
#include "heatgraph/identity.hpp"
#include "heatgraph/progression_graph.hpp"
#include "heatgraph/race_model.hpp"
#include "heatgraph/race_time.hpp"
#include "heatgraph/replay.hpp"
#include "heatgraph/rulings.hpp"
#include "heatgraph/simulate.hpp"
#include "heatgraph/whatif.hpp"
