#include "utf8_output.h"

#include <QFileDevice>
#include <QTextStream>

namespace app::cli {
namespace {

constexpr qsizetype chunkSize = 256 * 1024;

} // namespace

Utf8Output::Utf8Output(QTextStream& stream)
    : stream(stream)
{
    stream.flush(); // what was written before comes first
    buffer.reserve(chunkSize);
}

Utf8Output::~Utf8Output() { flush(); }

void Utf8Output::write(QByteArrayView bytes)
{
    buffer.append(bytes);
    if (buffer.size() >= chunkSize)
        flush();
}

void Utf8Output::flush()
{
    if (buffer.isEmpty())
        return;
    if (QIODevice* device = stream.device()) {
        device->write(buffer);
        if (auto* file = qobject_cast<QFileDevice*>(device))
            file->flush();
    } else {
        stream << QString::fromUtf8(buffer);
    }
    buffer.resize(0); // keeps the capacity
}

} // namespace app::cli
