#include "commands.h"

#include "qt_messages.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLocale>
#include <QTextStream>

#include <cstdio>
#include <memory>

int main(int argc, char* argv[])
{
    app::routeQtMessagesToLog();
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
