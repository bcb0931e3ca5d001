#pragma once

#include "commands.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

// Runs mptcpscope-cli in this process, as main() does, and keeps what it printed.
namespace testcli {

struct Run {
    int code = -1;
    QString out;
    QString err;
};

inline Run runInProcess(const QStringList& arguments)
{
    Run run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    run.code = app::cli::run(QStringList{QStringLiteral("mptcpscope-cli")} + arguments, out, err);
    out.flush();
    err.flush();
    return run;
}

} // namespace testcli
