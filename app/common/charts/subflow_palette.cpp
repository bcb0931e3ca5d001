#include "charts/subflow_palette.h"

#include "compare/reinjection_verdicts.h"

#include <array>

namespace app::charts {

QColor subflowColor(int subflowIndex)
{
    static const std::array<QColor, 7> colours{
        QColor(0x00, 0x72, 0xb2), // blue
        QColor(0xe6, 0x9f, 0x00), // orange
        QColor(0x00, 0x9e, 0x73), // bluish green
        QColor(0xcc, 0x79, 0xa7), // reddish purple
        QColor(0x56, 0xb4, 0xe9), // sky blue
        QColor(0xd5, 0x5e, 0x00), // vermillion
        QColor(0x7f, 0x7f, 0x7f), // grey (yellow is unreadable on white)
    };
    return colours[std::size_t(subflowIndex < 0 ? 0 : subflowIndex) % colours.size()];
}

QColor aggregateColor() { return QColor(0x20, 0x20, 0x20); }
QColor reinjectionColor() { return QColor(0xd5, 0x00, 0x00); }
QColor verdictColor(core::compare::Verdict verdict)
{
    switch (verdict) {
    case core::compare::Verdict::Useful: return QColor(0x11, 0x77, 0x33);    // green
    case core::compare::Verdict::Redundant: return QColor(0xd5, 0x00, 0x00); // red, as unqualified reinjections
    case core::compare::Verdict::Unknown: break;
    }
    return QColor(0x90, 0x90, 0x90);
}
QColor dataAckColor() { return QColor(0x60, 0x60, 0x60); }

} // namespace app::charts
