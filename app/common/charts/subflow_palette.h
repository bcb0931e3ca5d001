#pragma once

#include <QColor>

#include <cstdint>

namespace core::compare {
enum class Verdict : std::uint8_t;
}

namespace app::charts {

// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies, and each
// subflow keeps its colour on every chart (by its position in the connection).
QColor subflowColor(int subflowIndex);
QColor aggregateColor();
QColor reinjectionColor();
QColor verdictColor(core::compare::Verdict verdict); // reinjections qualified with a pair
QColor dataAckColor();

} // namespace app::charts
