#include "commands.h"

#include "log.h"

#include <spdlog/spdlog.h>

#include <QApplication>
#include <QCoreApplication>
#include <QLocale>
#include <QTextStream>

#include <cstdio>
#include <memory>

namespace {

// Qt's own chatter (fonts, runtime dirs of the offscreen platform) is for developers: it goes
// to the debug log, never between a script and its output.
void routeQtMessages(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    const auto logger = core::log::load();
    const std::string text = message.toStdString();
    if (type == QtFatalMsg)
        logger->critical("{}", text);
    else
        logger->debug("qt: {}", text);
}

} // namespace

int main(int argc, char* argv[])
{
    qInstallMessageHandler(routeQtMessages);
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    // Charts are drawn by QtCharts, which needs a QApplication; no display is needed.
    std::unique_ptr<QCoreApplication> application;
    if (app::cli::needsGui(arguments)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("mptcpscope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MPTCPSCOPE_VERSION));

    // Output is for scripts as much as for people: the same digits whatever the locale.
    QLocale::setDefault(QLocale::c());
    QTextStream out(stdout);
    QTextStream err(stderr);
    return app::cli::run(QCoreApplication::arguments(), out, err);
}
