// Makes large captures for the benchmarks from a small real one, deterministically:
//
//   bench_make_capture long SAMPLE OUT --size SIZE [--payload whole|captured]
//       the sample's connection with its data transfer played again and again, every
//       sequence number, DSN, data ack, TCP timestamp and capture time moved on, until the file
//       holds SIZE bytes (k, M, G: powers of 1000): one long, valid MPTCP connection;
//   bench_make_capture many SAMPLE OUT --connections N [--concurrency C] [--payload ...]
//       N short copies of the sample's connection (its transfer left out where that can be
//       done consistently), C at a time; odd copies are plain TCP (MPTCP options become NOPs),
//       even ones MPTCP with keys of their own; every subflow has a client address of its own.
//
// --payload whole (the default for long) fills in the payload the sample's snapshot length cut
// off (zeros) and computes checksums afresh, so that frames are as large as on the wire;
// captured (the default for many) keeps the sample's snapshot length and updates checksums.
// Prints one JSON object describing the output (what the benchmark script checks).
#include "synth/identity.h"
#include "synth/pcap_writer.h"
#include "synth/phase.h"
#include "synth/sample_model.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <queue>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <vector>

namespace {

using namespace synth;

constexpr std::uint32_t wholeSnapLength = 262144;

struct Options {
    std::string mode;
    std::string sample;
    std::string output;
    std::uint64_t size = 0;
    std::uint64_t connections = 0;
    std::uint64_t concurrency = 64;
    bool wholePayload = false;
};

std::uint64_t parseSize(const std::string& text)
{
    std::size_t end = 0;
    const double value = std::stod(text, &end);
    const std::string unit = text.substr(end);
    const double factor = unit.empty() ? 1 : unit == "k" ? 1e3 : unit == "M" ? 1e6 : unit == "G" ? 1e9 : -1;
    if (factor < 0 || value <= 0)
        throw std::runtime_error("bad size '" + text + "' (a number, optionally followed by k, M or G)");
    return std::uint64_t(value * factor);
}

Options parseOptions(int argc, char* argv[])
{
    if (argc < 4)
        throw std::invalid_argument("usage");
    Options options;
    options.mode = argv[1];
    options.sample = argv[2];
    options.output = argv[3];
    options.wholePayload = options.mode == "long";
    for (int i = 4; i < argc; ++i) {
        const std::string name = argv[i];
        if (i + 1 >= argc)
            throw std::invalid_argument("usage");
        const std::string value = argv[++i];
        if (name == "--size")
            options.size = parseSize(value);
        else if (name == "--connections")
            options.connections = parseSize(value);
        else if (name == "--concurrency")
            options.concurrency = std::max<std::uint64_t>(1, parseSize(value));
        else if (name == "--payload" && (value == "whole" || value == "captured"))
            options.wholePayload = value == "whole";
        else
            throw std::invalid_argument("usage");
    }
    if ((options.mode == "long" && options.size == 0) || (options.mode == "many" && options.connections == 0) ||
        (options.mode != "long" && options.mode != "many"))
        throw std::invalid_argument("usage");
    return options;
}

std::uint64_t recordBytes(const Frame& frame) { return 16 + frame.bytes.size(); }

std::uint64_t recordBytes(const SampleModel& model, std::size_t from, std::size_t to)
{
    std::uint64_t sum = 0;
    for (std::size_t i = from; i < to; ++i)
        sum += recordBytes(model.frames[i]);
    return sum;
}

// The sample's frame `index`, moved by `shift`, into `out`.
void shifted(const SampleModel& model, std::size_t index, const Shift& shift, Frame& out)
{
    const Frame& original = model.frames[index];
    out.timeNs = original.timeNs;
    out.wireLength = original.wireLength;
    out.bytes.assign(original.bytes.begin(), original.bytes.end());
    const PacketInfo& info = model.packets[index];
    if (!info.tcp) {
        out.timeNs += shift.timeNs;
        return;
    }
    const std::uint32_t before = headerSum(out, *info.tcp);
    applyShift(out, info, model, shift);
    updateChecksums(out, *info.tcp, before);
}

SampleModel loadSample(const Options& options)
{
    SampleModel model = analyseSample(readCapture(options.sample));
    if (options.wholePayload) {
        for (std::size_t i = 0; i < model.frames.size(); ++i)
            if (model.packets[i].tcp)
                completePayload(model.frames[i], *model.packets[i].tcp);
        model.snapLength = std::max(model.snapLength, wholeSnapLength);
    }
    return model;
}

void printSubflowShift(const Shift& shift, std::size_t subflow)
{
    std::printf("%s[%u, %u]", subflow ? ", " : "", shift.seq[subflow][0], shift.seq[subflow][1]);
}

int makeLong(const Options& options)
{
    const SampleModel model = loadSample(options);
    const Phase phase = findPhase(model, Junction::Repeat);
    const std::size_t frames = model.frames.size();
    const std::uint64_t head = recordBytes(model, 0, phase.begin);
    const std::uint64_t pass = recordBytes(model, phase.begin, phase.end);
    const std::uint64_t tail = recordBytes(model, phase.end, frames);
    const std::uint64_t wanted = options.size > 24 + head + tail ? options.size - 24 - head - tail : 0;
    const std::uint64_t passes = std::max<std::uint64_t>(1, (wanted + pass / 2) / pass);

    PcapWriter writer(options.output, model.linkType, model.snapLength);
    Frame frame;
    const Shift none = Shift::none(model.subflows.size());
    for (std::size_t i = 0; i < phase.begin; ++i) {
        shifted(model, i, none, frame);
        writer.write(frame);
    }
    for (std::uint64_t k = 0; k < passes; ++k) {
        const Shift shift = phase.shift.times(std::int64_t(k));
        for (std::size_t i = phase.begin; i < phase.end; ++i) {
            shifted(model, i, shift, frame);
            writer.write(frame);
        }
    }
    const Shift last = phase.shift.times(std::int64_t(passes - 1));
    for (std::size_t i = phase.end; i < frames; ++i) {
        shifted(model, i, last, frame);
        writer.write(frame);
    }
    writer.close();

    const std::uint64_t extra = passes - 1;
    std::printf("{\"mode\": \"long\", \"output\": \"%s\", \"frames\": %llu, \"bytes\": %llu, "
                "\"sample_frames\": %zu, \"phase_frames\": [%zu, %zu], \"passes\": %llu, "
                "\"extra_data_bytes\": {\"c2s\": %llu, \"s2c\": %llu}, \"extra_seconds\": %.6f, "
                "\"seq_shift_per_pass\": [",
                options.output.c_str(), static_cast<unsigned long long>(writer.framesWritten()),
                static_cast<unsigned long long>(writer.bytesWritten()), frames, phase.begin + 1, phase.end,
                static_cast<unsigned long long>(passes),
                static_cast<unsigned long long>(extra * phase.shift.dsn[clientSide]),
                static_cast<unsigned long long>(extra * phase.shift.dsn[serverSide]),
                double(extra) * double(phase.shift.timeNs) / 1e9);
    for (std::size_t f = 0; f < model.subflows.size(); ++f)
        printSubflowShift(phase.shift, f);
    std::printf("]}\n");
    return 0;
}

// A model of the sample's connection with its transfer left out, when that can be done
// consistently (else the whole sample); the frames keep their layout.
SampleModel shortConnection(const SampleModel& model, std::size_t& dropped)
{
    dropped = 0;
    Phase phase;
    try {
        phase = findPhase(model, Junction::Drop);
    } catch (const std::runtime_error&) {
        return model;
    }
    SampleModel result = model;
    result.frames.clear();
    result.packets.clear();
    const Shift none = Shift::none(model.subflows.size());
    const Shift back = phase.shift.times(-1);
    Frame frame;
    for (std::size_t i = 0; i < model.frames.size(); ++i) {
        if (i >= phase.begin && i < phase.end)
            continue;
        shifted(model, i, i < phase.begin ? none : back, frame);
        result.frames.push_back(frame);
        result.packets.push_back(model.packets[i]);
    }
    dropped = phase.end - phase.begin;
    return result;
}

int makeMany(const Options& options)
{
    std::size_t dropped = 0;
    const SampleModel model = shortConnection(loadSample(options), dropped);
    const std::vector<Frame>& unit = model.frames;
    const std::int64_t duration = unit.back().timeNs - unit.front().timeNs;
    const std::int64_t stride = std::max<std::int64_t>(1000, duration / std::int64_t(options.concurrency));

    struct Next {
        std::int64_t timeNs;
        std::uint64_t copy;
        std::size_t frame;
        bool operator>(const Next& other) const
        {
            return std::tie(timeNs, copy, frame) > std::tie(other.timeNs, other.copy, other.frame);
        }
    };
    std::priority_queue<Next, std::vector<Next>, std::greater<>> queue;
    std::map<std::uint64_t, ConnectionIdentity> identities;
    std::unordered_set<std::uint32_t> tokensInUse;
    PcapWriter writer(options.output, model.linkType, model.snapLength);
    Frame frame;
    std::uint64_t started = 0;
    const auto startCopy = [&] {
        identities.emplace(started, ConnectionIdentity(model, started, started % 2 == 1, tokensInUse));
        queue.push({unit[0].timeNs + std::int64_t(started) * stride, started, 0});
        ++started;
    };
    startCopy();
    while (!queue.empty()) {
        while (started < options.connections && unit[0].timeNs + std::int64_t(started) * stride <= queue.top().timeNs)
            startCopy();
        const Next next = queue.top();
        queue.pop();
        frame = unit[next.frame];
        frame.timeNs = next.timeNs;
        const PacketInfo& info = model.packets[next.frame];
        if (info.tcp) {
            const std::uint32_t before = headerSum(frame, *info.tcp);
            identities.at(next.copy).apply(frame, info);
            updateChecksums(frame, *info.tcp, before);
        }
        writer.write(frame);
        if (next.frame + 1 < unit.size())
            queue.push({unit[next.frame + 1].timeNs + std::int64_t(next.copy) * stride, next.copy, next.frame + 1});
        else
            identities.erase(next.copy);
        if (queue.empty() && started < options.connections)
            startCopy();
    }
    writer.close();

    const std::uint64_t mptcp = (options.connections + 1) / 2;
    std::printf("{\"mode\": \"many\", \"output\": \"%s\", \"frames\": %llu, \"bytes\": %llu, "
                "\"copies\": %llu, \"frames_per_copy\": %zu, \"sample_frames_left_out\": %zu, "
                "\"tcp_connections\": %llu, \"mptcp_connections\": %llu, \"concurrency\": %llu}\n",
                options.output.c_str(), static_cast<unsigned long long>(writer.framesWritten()),
                static_cast<unsigned long long>(writer.bytesWritten()),
                static_cast<unsigned long long>(options.connections), unit.size(), dropped,
                static_cast<unsigned long long>(options.connections * model.subflows.size()),
                static_cast<unsigned long long>(mptcp), static_cast<unsigned long long>(options.concurrency));
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    try {
        const Options options = parseOptions(argc, argv);
        return options.mode == "long" ? makeLong(options) : makeMany(options);
    } catch (const std::invalid_argument&) {
        std::fprintf(stderr,
                     "usage: %s long SAMPLE OUT --size SIZE [--payload whole|captured]\n"
                     "       %s many SAMPLE OUT --connections N [--concurrency C] [--payload whole|captured]\n"
                     "SIZE and N may end in k, M or G (powers of 1000).\n",
                     argv[0], argv[0]);
        return 2;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "%s: %s\n", argc > 2 ? argv[2] : "bench_make_capture", error.what());
        return 1;
    }
}
