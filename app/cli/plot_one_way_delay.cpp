#include "plot_one_way_delay.h"

#include "capture_pair.h"
#include "charts/chart_exporter.h"
#include "charts/one_way_delay_chart.h"
#include "compare/packet_stamps.h"
#include "invocation.h"
#include "model/capture.h"
#include "pair_loading.h"

#include <QChart>
#include <QTextStream>

namespace app::cli {

int plotOneWayDelay(const Invocation& invocation, const charts::ChartRequest& request, QSize size)
{
    const QString firstFile = invocation.positional[2];
    const QString secondFile = invocation.positional[3];
    const auto loaded = loadPairOrReport(firstFile, secondFile, invocation.err);
    if (!loaded.ok())
        return exitUsage;
    auto pair = std::make_shared<LoadedPair>();
    pair->first = loaded.first;
    pair->second = loaded.second;
    pair->firstPath = firstFile;
    pair->secondPath = secondFile;
    pair->map = core::compare::mapCaptures(*pair->first, *pair->second);
    const PairConnection connection{request.mptcp(), request.number()};
    const bool exists = request.mptcp() ? pair->first->findMptcp(core::MptcpId(request.number())) != nullptr
                                        : request.number() < pair->first->tcp.size();
    if (!exists) {
        invocation.err << tr("%1: no %2 %3")
                              .arg(firstFile,
                                   request.mptcp() ? QStringLiteral("mptcp.stream") : QStringLiteral("tcp.stream"))
                              .arg(request.number())
                       << '\n';
        return exitUsage;
    }
    const auto subflows = matchedSubflowsOf(*pair, connection);
    if (subflows.empty()) {
        invocation.err << tr("%1: %2 %3 has no counterpart in %4")
                              .arg(firstFile,
                                   request.mptcp() ? QStringLiteral("mptcp.stream") : QStringLiteral("tcp.stream"))
                              .arg(request.number())
                              .arg(secondFile)
                       << '\n';
        return exitUsage;
    }
    std::string error;
    const auto firstStamps = core::compare::readPacketStamps(pair->first->path, error);
    const auto secondStamps = firstStamps ? core::compare::readPacketStamps(pair->second->path, error) : std::nullopt;
    if (!secondStamps) {
        invocation.err << QString::fromStdString(error) << '\n';
        return exitUsage;
    }
    const auto delays = core::compare::oneWayDelays(*pair->first, *pair->second, *firstStamps, *secondStamps, subflows);
    QString message;
    std::unique_ptr<QChart> chart(charts::buildOneWayDelayChart(pair, delays, request, &message));
    if (!chart) {
        invocation.err << firstFile << QStringLiteral(": ") << message << '\n';
        return exitUsage;
    }
    if (!charts::exportChart(chart.get(), invocation.value(QStringLiteral("output")), size, &message)) {
        invocation.err << message << '\n';
        return exitUsage;
    }
    return exitOk;
}

} // namespace app::cli
