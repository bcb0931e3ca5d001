#pragma once

#include <QString>

namespace app::cli {

// The bash completion script for mptcpscope-cli, made from the command table: commands, each
// command's options and arguments (captures complete to *.pcap, *.pcapng, *.cap and folders).
// It defines _mptcpscope_cli and needs nothing from the bash-completion package.
QString bashCompletionScript();

} // namespace app::cli
