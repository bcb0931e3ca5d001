#include "pair_loading.h"

#include "load/loader.h"
#include "log.h"

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

} // namespace app::cli
