#include "qt_messages.h"

#include "log.h"

#include <QString>
#include <QtGlobal>

#include <spdlog/spdlog.h>

namespace app {
namespace {

void forward(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    const auto logger = core::log::load();
    const std::string text = message.toStdString();
    if (type == QtFatalMsg)
        logger->critical("qt: {}", text);
    else
        logger->debug("qt: {}", text);
}

} // namespace

void routeQtMessagesToLog() { qInstallMessageHandler(forward); }

} // namespace app
