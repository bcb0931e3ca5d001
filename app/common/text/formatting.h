#pragma once

#include <QString>

#include <cstdint>

namespace core {
struct Endpoint;
}

namespace app::text {

QString bytes(std::uint64_t count);        // "1.2 MB" (SI), "512 B"
QString bitRate(double bitsPerSecond);     // "12.3 Mbit/s"
QString seconds(double value);             // "1.234 s", "12.5 ms"
QString endpoint(const core::Endpoint& e); // "10.0.0.1:80", "[fd00::1]:80"
QString percent(double fraction);          // "42.0 %"

} // namespace app::text
