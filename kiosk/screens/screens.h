// One factory per screen; each screen lives in its own file beside this one.
#pragma once

#include "screens/screen.h"

#include <memory>

namespace kiosk {

std::unique_ptr<Screen> make_home_screen();
std::unique_ptr<Screen> make_live_screen();
std::unique_ptr<Screen> make_attract_screen();
std::unique_ptr<Screen> make_schedule_screen();
std::unique_ptr<Screen> make_session_screen();
std::unique_ptr<Screen> make_catalogue_screen();
std::unique_ptr<Screen> make_county_screen();
std::unique_ptr<Screen> make_product_screen();
std::unique_ptr<Screen> make_search_screen();
std::unique_ptr<Screen> make_map_screen();
std::unique_ptr<Screen> make_route_screen();

} // namespace kiosk
