// libFuzzer target for the whole-file path: libpcap (pcap and pcapng), decode, TCP tracking,
// MPTCP assembly and metrics. The input is written to an anonymous in-memory file that
// core::load opens by its /proc/self/fd path. Seed it with samples/*.pcap and *.pcapng.

#include "load/loader.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

struct MemoryFile {
    int fd = -1;
    std::string path;

    MemoryFile()
    {
        fd = memfd_create("mptcpscope-fuzz", MFD_CLOEXEC);
        if (fd < 0) {
            std::perror("memfd_create");
            std::abort();
        }
        path = "/proc/self/fd/" + std::to_string(fd);
    }

    void write(const std::uint8_t* data, std::size_t size)
    {
        if (ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) != 0)
            std::abort();
        while (size > 0) {
            const ssize_t written = ::write(fd, data, size);
            if (written <= 0)
                std::abort();
            data += written;
            size -= std::size_t(written);
        }
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static MemoryFile file;
    file.write(data, size);

    const core::LoadResult result = core::load(file.path);
    // The contract of core::load: a capture, or one error line naming the file.
    if (!result.ok() && (result.error.empty() || result.error.find(file.path) == std::string::npos)) {
        std::fprintf(stderr, "load failed without a proper error: '%s'\n", result.error.c_str());
        std::abort();
    }
    return 0;
}
