#pragma once

#include <memory>

namespace spdlog {
class logger;
}

namespace core::log {

// One named logger per area; levels come from SPDLOG_LEVEL (e.g. SPDLOG_LEVEL=load=debug).
std::shared_ptr<spdlog::logger> capture();
std::shared_ptr<spdlog::logger> decode();
std::shared_ptr<spdlog::logger> assemble();
std::shared_ptr<spdlog::logger> load();

// Applies SPDLOG_LEVEL; `verbose` forces debug level everywhere.
void configure(bool verbose);

} // namespace core::log
