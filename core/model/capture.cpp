#include "model/capture.h"

#include <algorithm>

namespace core {

const MptcpConnection* Capture::findMptcp(MptcpId id) const
{
    const auto it = std::lower_bound(mptcp.begin(), mptcp.end(), id,
                                     [](const MptcpConnection& c, MptcpId v) { return c.id < v; });
    return it != mptcp.end() && it->id == id ? &*it : nullptr;
}

} // namespace core
