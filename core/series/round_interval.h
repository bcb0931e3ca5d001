#pragma once

namespace core {

// The smallest of 1, 2 or 5 × 10ⁿ that is at least `value` (a positive, finite number of
// seconds, bytes…); 1 for anything else.
double roundUpTo125(double value);

// A round interval that cuts `span` into at most `count` and more than `count` / 2.5 pieces:
// the width of a chart's bins, or the goodput window that follows a connection's duration.
double roundIntervalFor(double span, int count);

} // namespace core
