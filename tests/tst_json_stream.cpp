// The streamed JSON writer (app/cli/json_stream.h) against QJsonDocument: a document written
// one array element at a time must be, byte for byte, what QJsonDocument writes for the whole
// object, and `summary` must stream it.
#include "test_data.h"

#include "invocation.h"
#include "json_stream.h"
#include "model/capture.h"
#include "summary_json.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QThreadPool>

#include <vector>

class TestJsonStream : public QObject {
    Q_OBJECT
private slots:
    void cleanupTestCase();
    void documentIsQJsonDocumentsOutput_data();
    void documentIsQJsonDocumentsOutput();
    void elementsAreBuiltOnlyAfterTheOnesBeforeAreWritten();
    void summaryOfEachSampleReparsesToTheSameBytes_data();
    void summaryOfEachSampleReparsesToTheSameBytes();
};

namespace {

using app::json::Layout;

QJsonDocument::JsonFormat format(Layout layout)
{
    return layout == Layout::Indented ? QJsonDocument::Indented : QJsonDocument::Compact;
}

// Elements with what the writer must carry through: nesting, empty containers, escapes.
QJsonObject sampleElement(qsizetype i)
{
    return QJsonObject{
        {QStringLiteral("index"), i},
        {QStringLiteral("ratio"), double(i) / 3.0},
        {QStringLiteral("text"), QStringLiteral("line one\nline \"two\" → %1\t\\").arg(i)},
        {QStringLiteral("nested"),
         QJsonObject{{QStringLiteral("list"),
                      QJsonArray{1, QJsonObject{{QStringLiteral("deep"), QJsonArray{}}}, QStringLiteral("x")}},
                     {QStringLiteral("empty_object"), QJsonObject{}},
                     {QStringLiteral("none"), QJsonValue::Null}}},
    };
}

struct Document {
    QJsonObject members;
    std::vector<app::json::StreamedArray> streamed;

    QJsonObject whole() const
    {
        QJsonObject result = members;
        for (const auto& array : streamed) {
            QJsonArray elements;
            for (qsizetype i = 0; i < array.count; ++i)
                elements.append(array.element(i));
            result.insert(array.key, elements);
        }
        return result;
    }
};

QByteArray written(const Document& document, Layout layout)
{
    QByteArray bytes;
    app::json::writeDocument(document.members, document.streamed, layout,
                             [&bytes](QByteArrayView piece) { bytes.append(piece); });
    return bytes;
}

} // namespace

void TestJsonStream::cleanupTestCase() { QThreadPool::globalInstance()->waitForDone(); }

void TestJsonStream::documentIsQJsonDocumentsOutput_data()
{
    QTest::addColumn<QJsonObject>("members");
    QTest::addColumn<QList<qsizetype>>("counts"); // of the arrays "b_streamed" and "x_streamed"
    QTest::addColumn<bool>("indented");

    const QJsonObject members{
        {QStringLiteral("a"), QStringLiteral("first key")},
        {QStringLiteral("m"), QJsonArray{QStringLiteral("between"), QStringLiteral("the arrays")}},
        {QStringLiteral("Upper"), 1.5},
        {QStringLiteral("é"), QJsonArray{}},
        {QStringLiteral("z"), QJsonObject{{QStringLiteral("last"), true}}},
    };
    for (const bool indented : {true, false}) {
        const char* const layout = indented ? "indented" : "compact";
        QTest::addRow("%s, arrays among other keys", layout) << members << QList<qsizetype>{3, 1} << indented;
        QTest::addRow("%s, empty arrays", layout) << members << QList<qsizetype>{0, 0} << indented;
        QTest::addRow("%s, arrays only", layout) << QJsonObject{} << QList<qsizetype>{2, 0} << indented;
        QTest::addRow("%s, empty document", layout) << QJsonObject{} << QList<qsizetype>{} << indented;
    }
}

void TestJsonStream::documentIsQJsonDocumentsOutput()
{
    QFETCH(QJsonObject, members);
    QFETCH(QList<qsizetype>, counts);
    QFETCH(bool, indented);
    const Layout layout = indented ? Layout::Indented : Layout::Compact;

    Document document{members, {}};
    const QStringList keys{QStringLiteral("b_streamed"), QStringLiteral("x_streamed")};
    for (qsizetype i = 0; i < counts.size(); ++i)
        document.streamed.push_back({keys[i], counts[i], sampleElement});

    const QByteArray expected = QJsonDocument(document.whole()).toJson(format(layout));
    QCOMPARE(written(document, layout), expected);
}

void TestJsonStream::elementsAreBuiltOnlyAfterTheOnesBeforeAreWritten()
{
    QByteArray bytes;
    std::vector<qsizetype> writtenWhenBuilt;
    const auto build = [&](qsizetype i) {
        writtenWhenBuilt.push_back(bytes.size());
        return sampleElement(i);
    };
    const std::vector<app::json::StreamedArray> streamed{{QStringLiteral("list"), 4, build}};
    app::json::writeDocument(QJsonObject{{QStringLiteral("head"), 1}}, streamed, Layout::Indented,
                             [&bytes](QByteArrayView piece) { bytes.append(piece); });

    QCOMPARE(writtenWhenBuilt.size(), std::size_t(4));
    for (std::size_t i = 1; i < writtenWhenBuilt.size(); ++i) {
        // Element i-1 is in the output before element i is asked for.
        const QByteArray before = bytes.left(writtenWhenBuilt[i]);
        const auto indexMember = [](std::size_t index) {
            return QByteArray("\"index\": ").append(QByteArray::number(qsizetype(index))).append(',');
        };
        QVERIFY(before.contains(indexMember(i - 1)));
        QVERIFY(!before.contains(indexMember(i)));
    }
}

void TestJsonStream::summaryOfEachSampleReparsesToTheSameBytes_data()
{
    QTest::addColumn<QString>("file");
    for (const auto& file : testdata::sampleCaptures())
        QTest::newRow(qPrintable(QFileInfo(file).fileName())) << file;
}

void TestJsonStream::summaryOfEachSampleReparsesToTheSameBytes()
{
    QFETCH(QString, file);
    QString error;
    const auto capture = app::cli::loadCapture(file, error);
    QVERIFY2(capture, qPrintable(error));

    for (const Layout layout : {Layout::Indented, Layout::Compact}) {
        QByteArray bytes;
        app::json::writeSummary(*capture, layout, [&bytes](QByteArrayView piece) { bytes.append(piece); });
        QJsonParseError parseError;
        const QJsonDocument parsed = QJsonDocument::fromJson(bytes, &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
        QCOMPARE(parsed.object().value(QStringLiteral("tcp")).toArray().size(), qsizetype(capture->tcp.size()));
        QCOMPARE(parsed.object().value(QStringLiteral("mptcp")).toArray().size(), qsizetype(capture->mptcp.size()));
        QCOMPARE(bytes, parsed.toJson(format(layout)));
    }
}

QTEST_GUILESS_MAIN(TestJsonStream)
#include "tst_json_stream.moc"
