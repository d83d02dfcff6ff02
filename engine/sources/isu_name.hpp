// Private: the ISU's way of printing names in its result tables. (Being written.)
#pragma once
