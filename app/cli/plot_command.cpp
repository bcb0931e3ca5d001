#include "invocation.h"

#include "charts/chart_builder.h"
#include "charts/chart_exporter.h"
#include "plot_one_way_delay.h"

#include <QChart>
#include <QSize>
#include <QTextStream>

#include <cmath>
#include <memory>
#include <optional>

// mptcpscope-cli plot: a chart drawn by the GUI's chart builder, exported as PNG or SVG.
namespace app::cli {
namespace {

bool parseNumber(const QString& text, std::uint32_t& value)
{
    bool ok = false;
    value = text.toUInt(&ok);
    return ok;
}

// "seq,ack" and "--attr seq --attr ack" alike.
std::optional<std::uint8_t> parseAttributes(const QStringList& values)
{
    std::uint8_t attributes = 0;
    for (const auto& value : values)
        for (const auto& name : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString word = name.trimmed();
            if (word == QLatin1String("seq"))
                attributes |= core::SequenceAttribute;
            else if (word == QLatin1String("ack"))
                attributes |= core::AckAttribute;
            else if (word == QLatin1String("rwnd"))
                attributes |= core::ReceiveWindowAttribute;
            else if (word == QLatin1String("inflight"))
                attributes |= core::InFlightAttribute;
            else
                return std::nullopt;
        }
    return attributes ? std::optional<std::uint8_t>(attributes) : std::nullopt;
}

} // namespace

int plot(const Invocation& invocation)
{
    const QCommandLineParser& parser = invocation.parser;
    const QStringList& positional = invocation.positional;
    QTextStream& err = invocation.err;
    const auto usage = [&err](const QString& problem) {
        err << QStringLiteral("mptcpscope-cli plot: %1. Try 'mptcpscope-cli --help'.").arg(problem) << '\n';
        return exitUsage;
    };
    charts::ChartRequest request;
    const QString kind = positional[1];
    if (kind == QLatin1String("dsn"))
        request.kind = charts::ChartKind::Sequence;
    else if (kind == QLatin1String("goodput"))
        request.kind = charts::ChartKind::Goodput;
    else if (kind == QLatin1String("share"))
        request.kind = charts::ChartKind::Share;
    else if (kind == QLatin1String("rtt"))
        request.kind = charts::ChartKind::Rtt;
    else if (kind == QLatin1String("tcp-attr"))
        request.kind = charts::ChartKind::TcpAttribute;
    else if (kind == QLatin1String("ooo-queue"))
        request.kind = charts::ChartKind::OutOfOrderQueue;
    else if (kind == QLatin1String("owd"))
        request.kind = charts::ChartKind::OneWayDelay;
    else
        return usage(tr("unknown chart kind '%1'").arg(kind));
    if (parser.isSet(QStringLiteral("mptcp")) == parser.isSet(QStringLiteral("tcp")))
        return usage(tr("give exactly one of --mptcp ID and --tcp STREAM"));
    const bool mptcp = parser.isSet(QStringLiteral("mptcp"));
    std::uint32_t id = 0;
    if (!parseNumber(parser.value(mptcp ? QStringLiteral("mptcp") : QStringLiteral("tcp")), id))
        return usage(tr("the connection id must be a number"));
    const QString direction = parser.value(QStringLiteral("direction"));
    if (direction != QLatin1String("c2s") && direction != QLatin1String("s2c"))
        return usage(tr("--direction must be c2s or s2c"));
    if (mptcp)
        request.connection = core::MptcpId(id);
    else
        request.connection = core::TcpStreamId(id);
    request.direction = direction == QLatin1String("c2s") ? core::Direction::ClientToServer
                                                          : core::Direction::ServerToClient;
    if (!parser.isSet(QStringLiteral("output")))
        return usage(tr("-o OUT.png or -o OUT.svg is required"));
    const bool windowGiven = parser.isSet(QStringLiteral("window")); // else one that follows the transfer
    bool okWidth = false, okHeight = false, okWindow = !windowGiven;
    const QSize size(parser.value(QStringLiteral("width")).toInt(&okWidth),
                     parser.value(QStringLiteral("height")).toInt(&okHeight));
    request.goodputWindowSeconds = windowGiven ? parser.value(QStringLiteral("window")).toDouble(&okWindow) : 0.0;
    if (!okWidth || !okHeight)
        return usage(tr("--width and --height must be numbers of pixels"));
    if (!okWindow || !std::isfinite(request.goodputWindowSeconds) || (windowGiven && request.goodputWindowSeconds <= 0))
        return usage(tr("--window must be a positive number of seconds"));
    if (parser.isSet(QStringLiteral("attr"))) {
        const auto attributes = parseAttributes(parser.values(QStringLiteral("attr")));
        if (!attributes)
            return usage(tr("--attr takes seq, ack, rwnd and inflight"));
        request.tcpAttributes = *attributes;
    }
    if (request.kind == charts::ChartKind::TcpAttribute && mptcp)
        return usage(tr("tcp-attr draws one TCP connection: give --tcp STREAM (a subflow's tcp.stream)"));
    const qsizetype files = positional.size() - 2;
    if (request.kind == charts::ChartKind::OneWayDelay)
        return files == 2 ? plotOneWayDelay(invocation, request, size)
                          : usage(tr("owd takes two captures of one experiment: FILE1 FILE2"));
    if (files != 1)
        return usage(tr("%1 takes one capture file").arg(kind));

    const auto capture = loadOrReport(positional[2], err);
    if (!capture)
        return exitUsage;
    QString error;
    std::unique_ptr<QChart> chart(charts::buildChart(capture, request, &error));
    if (!chart) {
        err << positional[2] << QStringLiteral(": ") << error << '\n';
        return exitUsage;
    }
    if (!charts::exportChart(chart.get(), parser.value(QStringLiteral("output")), size, &error)) {
        err << error << '\n';
        return exitUsage;
    }
    return exitOk;
}

} // namespace app::cli
