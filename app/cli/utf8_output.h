#pragma once

#include <QByteArray>
#include <QByteArrayView>

class QTextStream;

namespace app::cli {

// Writes UTF-8 text where a QTextStream writes, without the stream's UTF-16 round trip: the
// bytes go straight to its device (stdout), or into its string when it has no device (the
// in-process runs of the tests). Buffered in chunks, each flushed to the device at once.
class Utf8Output {
public:
    explicit Utf8Output(QTextStream& stream);
    ~Utf8Output();
    Utf8Output(const Utf8Output&) = delete;
    Utf8Output& operator=(const Utf8Output&) = delete;

    // `bytes` must hold whole characters: the string form decodes each chunk on its own.
    void write(QByteArrayView bytes);
    void flush();

private:
    QTextStream& stream;
    QByteArray buffer;
};

} // namespace app::cli
