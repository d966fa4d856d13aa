// Issue 16: kiosk.prom counts the live guard's holds by kind, with the live source only.
#include "service/status_report.h"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("kiosk.prom counts held live figures as kiosk_live_anomalies_total by kind", "[status_report]") {
    HealthSnapshot h;
    h.version = "0.1.0";
    h.time = std::chrono::system_clock::now();
    CHECK(format_status_prometheus(h).find("kiosk_live_anomalies_total") == std::string::npos);   // no live source
    h.live = SourceStatus{};
    h.live_anomalies = {3, 1};
    const std::string prom = format_status_prometheus(h);
    CHECK_THAT(prom, Catch::Contains("# TYPE kiosk_live_anomalies_total counter"));
    CHECK_THAT(prom, Catch::Contains("kiosk_live_anomalies_total{kind=\"decrease\"} 3"));
    CHECK_THAT(prom, Catch::Contains("kiosk_live_anomalies_total{kind=\"spike\"} 1"));
}
