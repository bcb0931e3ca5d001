#pragma once

#include "decode/mptcp_option.h"

#include <string>

namespace core {

// The detail text of the event an option makes, from the option alone.
std::string eventDetail(const MpJoin& join); // SYN or SYN/ACK
std::string eventDetail(const AddAddr& add);
std::string eventDetail(const RemoveAddr& remove);
std::string eventDetail(const MpPrio& prio);
std::string eventDetail(const MpFastclose& fastclose);
std::string eventDetail(const MpTcpRst& rst);

} // namespace core
