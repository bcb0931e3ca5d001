#pragma once

#include "assemble/mptcp_assembler.h"
#include "assemble/tcp_tracker.h"
#include "metrics/rtt.h"
#include "model/capture.h"
#include "model/ids.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace core {

struct DecodedPacket;
struct TcpTimingOptions;
class WarningLog;

// Turns the decoded packets of one file, in file order, into a Capture, in a single pass.
class CaptureBuilder {
public:
    CaptureBuilder(std::string path, std::string linkTypeName, std::uint64_t maxTcpRows);

    void addFrame(std::int64_t timeNs);
    // `timing`: readTimingOptions(packet.tcp), read by the caller (on the reader thread).
    void addTcp(PacketNumber number, std::int64_t timeNs, const DecodedPacket& packet, const TcpTimingOptions& timing,
                WarningLog& warnings);
    void addIcmpQuote(PacketNumber number, std::int64_t timeNs, const DecodedPacket& quoted);
    std::shared_ptr<Capture> finish(WarningLog& warnings);

private:
    std::shared_ptr<Capture> m_capture;
    TcpTracker m_tracker;
    std::optional<MptcpAssembler> m_mptcp; // released once finished: its state is per subflow
    RttTracker m_rtt;
    bool m_sawFrame = false;
};

} // namespace core
