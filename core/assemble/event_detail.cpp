#include "assemble/event_detail.h"

#include <cstdio>

namespace core {
namespace {

std::string hex32(std::uint32_t value)
{
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x", value);
    return text;
}

std::string tcpRstReason(std::uint8_t reason)
{
    switch (reason) {
    case 0: return "unspecified error";
    case 1: return "MPTCP-specific error";
    case 2: return "lack of resources";
    case 3: return "administratively prohibited";
    case 4: return "too much outstanding data";
    case 5: return "unacceptable performance";
    case 6: return "middlebox interference";
    default: return "reason " + std::to_string(reason);
    }
}

std::string backupSuffix(bool backup) { return backup ? ", backup" : ""; }

} // namespace

std::string eventDetail(const MpJoin& join)
{
    if (join.phase == MpJoin::Phase::Syn)
        return "SYN to token " + hex32(join.token) + ", address id " + std::to_string(join.addressId) +
               backupSuffix(join.backup);
    return "SYN/ACK from address id " + std::to_string(join.addressId) + backupSuffix(join.backup);
}

std::string eventDetail(const AddAddr& add)
{
    std::string detail = "address id " + std::to_string(add.addressId) + " " +
                         (add.hasPort ? Endpoint{add.address, add.port}.toString() : add.address.toString());
    if (add.echo)
        detail += " (echo)";
    return detail;
}

std::string eventDetail(const RemoveAddr& remove)
{
    std::string detail = remove.addressIds.size() == 1 ? "address id" : "address ids";
    for (std::size_t k = 0; k < remove.addressIds.size(); ++k)
        detail += (k ? ", " : " ") + std::to_string(remove.addressIds[k]);
    return detail;
}

std::string eventDetail(const MpPrio& prio)
{
    return std::string(prio.backup ? "backup" : "regular priority") +
           (prio.hasAddressId ? ", address id " + std::to_string(prio.addressId) : "");
}

std::string eventDetail(const MpFastclose& fastclose)
{
    return "receiver key " + std::to_string(fastclose.receiverKey);
}

std::string eventDetail(const MpTcpRst& rst)
{
    return tcpRstReason(rst.reason) + (rst.transient() ? ", transient" : "");
}

} // namespace core
