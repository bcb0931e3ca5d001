#include "commands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mptcpscope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MPTCPSCOPE_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return app::cli::run(QCoreApplication::arguments(), out, err);
}
