#pragma once

#include <QColor>

namespace app::charts {

// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies, and each
// subflow keeps its colour on every chart (by its position in the connection).
QColor subflowColor(int subflowIndex);
QColor aggregateColor();
QColor reinjectionColor();
QColor dataAckColor();

} // namespace app::charts
