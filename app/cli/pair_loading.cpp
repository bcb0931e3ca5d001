#include "pair_loading.h"

#include "compare/packet_stamps.h"
#include "invocation.h"
#include "load/loader.h"
#include "log.h"
#include "model/capture.h"

#include <QFile>
#include <QTextStream>

#include <future>

#include <spdlog/spdlog.h>

namespace app::cli {
namespace {

std::shared_ptr<const core::Capture> reported(const core::LoadResult& result, const QString& file, QTextStream& err)
{
    if (!result.ok()) {
        err << QString::fromStdString(result.error) << '\n';
        return nullptr;
    }
    for (const auto& warning : result.capture->warnings)
        core::log::load()->warn("{}: {}", file.toStdString(), warning);
    return result.capture;
}

} // namespace

CapturePair loadPairOrReport(const QString& firstFile, const QString& secondFile, QTextStream& err)
{
    const auto loadFile = [](const QString& file) { return core::load(QFile::encodeName(file).toStdString()); };
    auto first = std::async(std::launch::async, loadFile, firstFile);
    auto second = std::async(std::launch::async, loadFile, secondFile);
    CapturePair pair;
    pair.first = reported(first.get(), firstFile, err);
    pair.second = reported(second.get(), secondFile, err);
    return pair;
}

std::optional<MatchedPair> loadMatchedPairOrReport(const Invocation& invocation, const QString& command)
{
    const QStringList files{invocation.positional[1], invocation.positional[2]};
    bool ok = false;
    const std::uint32_t id = invocation.value(QStringLiteral("mptcp")).toUInt(&ok);
    if (!ok) {
        invocation.err
            << tr("mptcpscope-cli: %1 needs --mptcp ID (an mptcp.stream number of the first file)").arg(command)
            << '\n';
        return std::nullopt;
    }
    MatchedPair result;
    result.captures = loadPairOrReport(files[0], files[1], invocation.err);
    if (!result.captures.ok())
        return std::nullopt;
    const auto& first = *result.captures.first;
    const auto& second = *result.captures.second;
    if (!first.findMptcp(core::MptcpId(id))) {
        invocation.err << tr("%1: no MPTCP connection with mptcp.stream %2").arg(files[0]).arg(id) << '\n';
        return std::nullopt;
    }
    const auto map = core::compare::mapCaptures(first, second);
    const auto* match = map.mptcpOfFirst(core::MptcpId(id));
    if (!match) {
        invocation.err << tr("%1: mptcp.stream %2 has no counterpart in %3").arg(files[0]).arg(id).arg(files[1])
                       << '\n';
        return std::nullopt;
    }
    std::string error;
    const auto firstStamps = core::compare::readPacketStamps(first.path, error);
    const auto secondStamps = firstStamps ? core::compare::readPacketStamps(second.path, error) : std::nullopt;
    if (!secondStamps) {
        invocation.err << QString::fromStdString(error) << '\n';
        return std::nullopt;
    }
    result.match = *match;
    result.subflows = core::compare::matchedSubflows(first, map, match->first);
    result.delays = core::compare::oneWayDelays(first, second, *firstStamps, *secondStamps, result.subflows);
    return result;
}

} // namespace app::cli
