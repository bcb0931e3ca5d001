#include "model/event.h"

namespace core {

const char* eventKindName(EventKind kind)
{
    switch (kind) {
    case EventKind::MpCapable: return "MP_CAPABLE";
    case EventKind::MpJoin: return "MP_JOIN";
    case EventKind::AddAddr: return "ADD_ADDR";
    case EventKind::RemoveAddr: return "REMOVE_ADDR";
    case EventKind::MpPrio: return "MP_PRIO";
    case EventKind::MpFail: return "MP_FAIL";
    case EventKind::MpFastclose: return "MP_FASTCLOSE";
    case EventKind::MpTcpRst: return "MP_TCPRST";
    case EventKind::DataFin: return "DATA_FIN";
    case EventKind::Fallback: return "FALLBACK";
    }
    return "UNKNOWN";
}

} // namespace core
