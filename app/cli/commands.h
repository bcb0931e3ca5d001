#pragma once

#include <QStringList>

class QTextStream;

namespace app::cli {

// Runs one mptcpscope-cli invocation (`arguments` includes the program name) and returns
// its exit code: 0 on success, 2 on bad usage or an unreadable capture.
int run(const QStringList& arguments, QTextStream& out, QTextStream& err);

// Whether the invocation renders charts, which needs a QApplication (offscreen is enough).
bool needsGui(const QStringList& arguments);

} // namespace app::cli
