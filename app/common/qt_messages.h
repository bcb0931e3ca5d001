#pragma once

namespace app {

// Sends Qt's own messages (fonts, platform plugins, runtime dirs) to the spdlog "load"
// logger at debug level: one format and one switch (--verbose, SPDLOG_LEVEL) for all logs.
void routeQtMessagesToLog();

} // namespace app
