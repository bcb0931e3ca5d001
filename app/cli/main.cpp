#include "commands.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTextStream>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mptcpscope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MPTCPSCOPE_VERSION));
    // Output is for scripts as much as for people: the same digits whatever the locale.
    QLocale::setDefault(QLocale::c());
    QTextStream out(stdout);
    QTextStream err(stderr);
    return app::cli::run(QCoreApplication::arguments(), out, err);
}
