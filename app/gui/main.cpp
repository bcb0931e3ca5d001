#include "main_window.h"

#include "log.h"
#include "qt_messages.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char* argv[])
{
    app::routeQtMessagesToLog();
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mptcpscope"));
    QApplication::setOrganizationName(QStringLiteral("mptcpscope"));
    QApplication::setApplicationVersion(QStringLiteral(MPTCPSCOPE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(MPTCPSCOPE_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/mptcpscope.svg")));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    // Without a translation for the locale the text stays English: then with English plurals.
    if (translator.load(QLocale(), QStringLiteral("mptcpscope"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        translator.load(QStringLiteral("mptcpscope_en"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Multipath TCP capture analyser"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption verbose(QStringLiteral("verbose"), QApplication::translate("main", "Log debug output."));
    parser.addOption(verbose);
    parser.addPositionalArgument(QStringLiteral("capture"),
                                 QApplication::translate("main", "A .pcap or .pcapng file to open; two files "
                                                                 "open as a pair (both ends of one experiment)."),
                                 QStringLiteral("[capture [second-capture]]"));
    parser.process(application);
    core::log::configure(parser.isSet(verbose));

    app::MainWindow window;
    window.show();
    const QStringList files = parser.positionalArguments();
    if (files.size() >= 2)
        window.openPair(files[0], files[1]);
    else if (!files.isEmpty())
        window.openCapture(files.first());
    return QApplication::exec();
}
