#pragma once

namespace core {

// Clears the upper halves of the calling thread's AVX registers (vzeroupper) when the CPU has
// AVX; does nothing elsewhere. A thread starts with its creator's register state, and some
// library code leaves those halves dirty (Qt's, while the CLI sets up its QCommandLineParser):
// every legacy SSE instruction after that pays a false dependency on them. libpcap's code
// then made the load's reader thread 1.5-1.9x slower (bench/README.md). Call it first thing
// in a thread that does bulk work.
void clearUpperVectorState();

} // namespace core
