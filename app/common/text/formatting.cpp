#include "text/formatting.h"

#include "model/ip_address.h"
#include "model/rtt.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include <array>
#include <cmath>

namespace app::text {
namespace {

QString scaled(double value, const std::array<const char*, 5>& units, int precision)
{
    std::size_t unit = 0;
    while (std::abs(value) >= 1000.0 && unit + 1 < units.size()) {
        value /= 1000.0;
        ++unit;
    }
    return QLocale().toString(value, 'f', unit == 0 ? 0 : precision) + QLatin1Char(' ') +
           QCoreApplication::translate("app::text", units[unit]);
}

} // namespace

QString bytes(std::uint64_t count)
{
    return scaled(double(count),
                  {QT_TRANSLATE_NOOP("app::text", "B"), QT_TRANSLATE_NOOP("app::text", "kB"),
                   QT_TRANSLATE_NOOP("app::text", "MB"), QT_TRANSLATE_NOOP("app::text", "GB"),
                   QT_TRANSLATE_NOOP("app::text", "TB")},
                  1);
}

QString bitRate(double bitsPerSecond)
{
    return scaled(bitsPerSecond,
                  {QT_TRANSLATE_NOOP("app::text", "bit/s"), QT_TRANSLATE_NOOP("app::text", "kbit/s"),
                   QT_TRANSLATE_NOOP("app::text", "Mbit/s"), QT_TRANSLATE_NOOP("app::text", "Gbit/s"),
                   QT_TRANSLATE_NOOP("app::text", "Tbit/s")},
                  2);
}

QString seconds(double value)
{
    if (std::abs(value) < 1.0 && value != 0.0)
        return QLocale().toString(value * 1000.0, 'f', 3) + QLatin1Char(' ') +
               QCoreApplication::translate("app::text", "ms");
    return QLocale().toString(value, 'f', 6) + QLatin1Char(' ') + QCoreApplication::translate("app::text", "s");
}

QString endpoint(const core::Endpoint& e) { return QString::fromStdString(e.toString()); }

QString rttSpread(const core::RttSummary& rtt, int decimals)
{
    if (rtt.samples == 0)
        return QStringLiteral("–");
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    QStringList figures;
    for (const std::int64_t ns : {rtt.minNs, rtt.medianNs, rtt.p95Ns, rtt.maxNs})
        figures << locale.toString(double(ns) / 1e6, 'f', decimals);
    return figures.join(QStringLiteral(" / ")) + QLatin1Char(' ') + QCoreApplication::translate("app::text", "ms");
}

QString compactRttSpread(const core::RttSummary& rtt)
{
    if (rtt.samples == 0)
        return QStringLiteral("–");
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator); // "1712", not "1,712" between slashes
    QStringList figures;
    for (const std::int64_t ns : {rtt.minNs, rtt.medianNs, rtt.p95Ns, rtt.maxNs}) {
        const double ms = double(ns) / 1e6;
        const int decimals = std::abs(ms) >= 100 ? 0 : std::abs(ms) >= 10 ? 1 : std::abs(ms) >= 1 ? 2 : 3;
        figures << locale.toString(ms, 'f', decimals);
    }
    return figures.join(QStringLiteral(" / "));
}

QString percent(double fraction) { return QLocale().toString(fraction * 100.0, 'f', 1) + QStringLiteral(" %"); }

} // namespace app::text
