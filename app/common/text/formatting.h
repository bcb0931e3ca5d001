#pragma once

#include <QString>

#include <cstdint>

namespace core {
struct Endpoint;
struct RttSummary;
} // namespace core

namespace app::text {

QString bytes(std::uint64_t count);        // "1.2 MB" (SI), "512 B"
QString bitRate(double bitsPerSecond);     // "12.3 Mbit/s"
QString seconds(double value);             // "1.234 s", "12.5 ms"
QString endpoint(const core::Endpoint& e); // "10.0.0.1:80", "[fd00::1]:80"
QString percent(double fraction);          // "42.0 %"
// Min, median, 95th percentile and max of round-trip times: "10.1 / 12.3 / 20.0 / 25.1 ms",
// with `decimals` digits after the millisecond; "–" without samples.
QString rttSpread(const core::RttSummary& rtt, int decimals);
// The same figures with three significant digits and no unit: "0.014 / 24.0 / 63.7 / 68.2".
QString compactRttSpread(const core::RttSummary& rtt);

} // namespace app::text
