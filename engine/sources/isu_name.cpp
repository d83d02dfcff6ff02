#include "sources/isu_name.hpp"
