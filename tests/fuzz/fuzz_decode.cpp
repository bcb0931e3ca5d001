// libFuzzer target for the per-packet decode path: link layer, IP, TCP, TCP options and every
// MPTCP option. See decode_harness.h for the input layout.

#include "decode_harness.h"

#include <cstddef>
#include <cstdint>

namespace {
volatile std::uint8_t sink = 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzzharness::DecodeInput input;
    if (!fuzzharness::splitDecodeInput({data, size}, input))
        return 0;
    sink = fuzzharness::runDecode(input).checksum;
    return 0;
}
