// The organisers' web map link for a route (config route_url): a template
// such as "https://example.org/map?from={from}&to={to}" with the kiosk's node,
// the destination's door node and the area id put in, URL-encoded, so a QR
// code on the route screen takes the route along on a phone.
#pragma once

#include <string>
#include <string_view>

namespace kiosk {

// Percent-encodes every byte but A-Z a-z 0-9 - . _ ~ (RFC 3986 unreserved).
std::string url_encode(std::string_view text);

// `url_template` with each {from}, {to} and {area} replaced by the encoded value;
// other text, unknown {words} included, is kept as written. "" for an empty template.
std::string fill_route_url(std::string_view url_template, std::string_view from_node, std::string_view to_node,
                           std::string_view area_id);

} // namespace kiosk
