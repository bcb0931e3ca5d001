#include "log.h"

#include <spdlog/cfg/env.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace core::log {
namespace {

std::shared_ptr<spdlog::logger> named(const char* name)
{
    if (auto existing = spdlog::get(name))
        return existing;
    auto logger = spdlog::stderr_color_mt(name);
    logger->set_level(spdlog::level::warn);
    return logger;
}

} // namespace

std::shared_ptr<spdlog::logger> capture()
{
    static auto l = named("capture");
    return l;
}
std::shared_ptr<spdlog::logger> decode()
{
    static auto l = named("decode");
    return l;
}
std::shared_ptr<spdlog::logger> assemble()
{
    static auto l = named("assemble");
    return l;
}
std::shared_ptr<spdlog::logger> load()
{
    static auto l = named("load");
    return l;
}

void configure(bool verbose)
{
    // Create them first so the environment's levels apply to each.
    capture();
    decode();
    assemble();
    load();
    if (verbose)
        spdlog::set_level(spdlog::level::debug);
    else
        spdlog::cfg::load_env_levels();
}

} // namespace core::log
