// The public output of mptcpscope-cli, byte for byte: every case of tests/golden/cases.tsv on
// every capture in samples/, run in-process as the executable runs it, against the files
// tests/golden/regenerate.sh wrote with the executable itself.
#include "test_data.h"

#include "cli_runner.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <QTest>
#include <QTextStream>

#include <algorithm>
#include <map>
#include <vector>

class TestGolden : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void casesFileIsWellFormed();
    void everyCaptureHasExactlyItsOutputs();
    void outputMatchesGoldenFile_data();
    void outputMatchesGoldenFile();
};

namespace {

const char* const regenerateHint =
    "If the change is intended: tests/golden/regenerate.sh, then review `git diff tests/golden` "
    "and commit it with the change.";

QString repositoryRoot() { return QDir::cleanPath(testdata::samplesDir() + QStringLiteral("/..")); }
QString goldenDir() { return repositoryRoot() + QStringLiteral("/tests/golden"); }

struct Case {
    QString output;    // file name, may hold {tcp} or {mptcp}
    QString arguments; // space-separated, may hold {sample}, {tcp}, {mptcp}
};

struct Cases {
    std::vector<Case> cases;
    QStringList problems;
};

Cases readCases()
{
    Cases result;
    QFile file(goldenDir() + QStringLiteral("/cases.tsv"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        result.problems << file.fileName() + QStringLiteral(": ") + file.errorString();
        return result;
    }
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).remove(QLatin1Char('\n'));
        if (line.trimmed().isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList fields = line.split(QLatin1Char('\t'));
        if (fields.size() != 3 || fields[0].isEmpty() || fields[1].isEmpty())
            result.problems << QStringLiteral("cases.tsv:%1: expected output<TAB>args<TAB>schema").arg(lineNumber);
        else
            result.cases.push_back({fields[0], fields[1]});
    }
    return result;
}

struct Run {
    int code = -1;
    QByteArray out; // UTF-8, as the executable writes it
    QString err;
};

Run runInProcess(const QStringList& arguments)
{
    const testcli::Run text = testcli::runInProcess(arguments);
    return {text.code, text.out.toUtf8(), text.err};
}

// The tcp.stream numbers or mptcp.stream ids of a capture, as its --json listing gives them.
QStringList ids(const QString& listCommand, const QString& sample, const QString& idField)
{
    const Run run = runInProcess({listCommand, sample, QStringLiteral("--json")});
    QStringList result;
    for (const auto& entry : QJsonDocument::fromJson(run.out).array())
        result << QString::number(entry.toObject().value(idField).toInteger());
    return result;
}

struct Invocation {
    QString goldenFile; // relative to tests/golden
    QStringList arguments;
};

// The other capture of a pair: samples/X_server.EXT for samples/X_client.EXT, when it exists.
QString pairOf(const QString& sample)
{
    const QFileInfo info(sample);
    const QString base = info.completeBaseName();
    if (!base.endsWith(QStringLiteral("_client")))
        return {};
    const QString partner = info.path() + QLatin1Char('/') + base.chopped(6) + QStringLiteral("server.") +
                            info.suffix();
    return QFileInfo::exists(partner) ? partner : QString();
}

// Every invocation of every case on one capture, given as samples/<file name>; a case with
// {pair} runs only on the client capture of a pair, {pair} being its server capture.
std::vector<Invocation> invocations(const std::vector<Case>& cases, const QString& sample)
{
    const QString captureName = QFileInfo(sample).fileName();
    const QString pair = pairOf(sample);
    const std::map<QString, QStringList> placeholderIds{
        {QStringLiteral("{tcp}"), ids(QStringLiteral("list-tcp"), sample, QStringLiteral("stream"))},
        {QStringLiteral("{mptcp}"), ids(QStringLiteral("list-mptcp"), sample, QStringLiteral("id"))},
    };
    std::vector<Invocation> result;
    for (const auto& c : cases) {
        if (c.arguments.contains(QStringLiteral("{pair}")) && pair.isEmpty())
            continue;
        const QString arguments =
            QString(c.arguments).replace(QStringLiteral("{sample}"), sample).replace(QStringLiteral("{pair}"), pair);
        const auto add = [&](const QString& output, const QString& args) {
            result.push_back(
                {captureName + QLatin1Char('/') + output, args.split(QLatin1Char(' '), Qt::SkipEmptyParts)});
        };
        const auto placeholder = std::find_if(placeholderIds.begin(), placeholderIds.end(),
                                              [&](const auto& p) { return arguments.contains(p.first); });
        if (placeholder == placeholderIds.end()) {
            add(c.output, arguments);
            continue;
        }
        for (const auto& id : placeholder->second)
            add(QString(c.output).replace(placeholder->first, id), QString(arguments).replace(placeholder->first, id));
    }
    return result;
}

std::vector<Invocation> allInvocations()
{
    std::vector<Invocation> result;
    const auto cases = readCases().cases;
    for (const auto& capture : testdata::sampleCaptures()) {
        const QString sample = QStringLiteral("samples/") + QFileInfo(capture).fileName();
        const auto more = invocations(cases, sample);
        result.insert(result.end(), more.begin(), more.end());
    }
    return result;
}

QStringList lines(const QByteArray& text) { return QString::fromUtf8(text).split(QLatin1Char('\n')); }

// The lines that differ, between the common beginning and end, in the manner of a unified diff.
QString difference(const QByteArray& expected, const QByteArray& actual)
{
    const QStringList want = lines(expected);
    const QStringList got = lines(actual);
    qsizetype first = 0;
    while (first < want.size() && first < got.size() && want[first] == got[first])
        ++first;
    qsizetype common = 0; // lines equal at the end, after `first`
    while (first + common < want.size() && first + common < got.size() &&
           want[want.size() - 1 - common] == got[got.size() - 1 - common])
        ++common;
    constexpr qsizetype context = 2;
    constexpr qsizetype shown = 8;
    QString diff = QStringLiteral("@@ line %1 @@\n").arg(first + 1);
    for (qsizetype i = std::max<qsizetype>(0, first - context); i < first; ++i)
        diff += QStringLiteral("  ") + want[i] + QLatin1Char('\n');
    const auto block = [&](const QStringList& text, QLatin1Char sign) {
        const qsizetype end = text.size() - common;
        for (qsizetype i = first; i < std::min(end, first + shown); ++i)
            diff += sign + QLatin1Char(' ') + text[i] + QLatin1Char('\n');
        if (end > first + shown)
            diff += QStringLiteral("%1 … %2 more line(s)\n").arg(sign).arg(end - first - shown);
    };
    block(want, QLatin1Char('-'));
    block(got, QLatin1Char('+'));
    const qsizetype after = want.size() - common;
    for (qsizetype i = after; i < std::min(want.size(), after + context); ++i)
        diff += QStringLiteral("  ") + want[i] + QLatin1Char('\n');
    return diff;
}

} // namespace

void TestGolden::initTestCase()
{
    // As mptcpscope-cli's main() and regenerate.sh: C locale digits, English, paths relative
    // to the repository root, so that outputs are the same on every machine.
    QLocale::setDefault(QLocale::c());
    QVERIFY(QDir::setCurrent(repositoryRoot()));
    qputenv("SPDLOG_LEVEL", "error"); // load warnings are part of summary.json already
    QVERIFY2(!testdata::sampleCaptures().isEmpty(), "no capture in samples/");
}

void TestGolden::casesFileIsWellFormed()
{
    const Cases cases = readCases();
    QVERIFY2(cases.problems.isEmpty(), qPrintable(cases.problems.join(QLatin1Char('\n'))));
    QVERIFY(!cases.cases.empty());
}

void TestGolden::everyCaptureHasExactlyItsOutputs()
{
    QSet<QString> expected;
    for (const auto& invocation : allInvocations())
        expected.insert(invocation.goldenFile);
    QSet<QString> present;
    const QDir golden(goldenDir());
    for (const auto& captureDir : golden.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        for (const auto& file : QDir(golden.filePath(captureDir)).entryList(QDir::Files))
            present.insert(captureDir + QLatin1Char('/') + file);

    QStringList missing = QSet<QString>(expected).subtract(present).values();
    QStringList stale = QSet<QString>(present).subtract(expected).values();
    missing.sort();
    stale.sort();
    QVERIFY2(missing.isEmpty() && stale.isEmpty(),
             qPrintable(QStringLiteral("missing in tests/golden: %1\nno case writes: %2\n%3")
                            .arg(missing.join(QLatin1Char(' ')), stale.join(QLatin1Char(' ')),
                                 QLatin1String(regenerateHint))));
}

void TestGolden::outputMatchesGoldenFile_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("goldenFile");
    for (const auto& invocation : allInvocations())
        QTest::newRow(qPrintable(invocation.goldenFile)) << invocation.arguments << invocation.goldenFile;
}

void TestGolden::outputMatchesGoldenFile()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, goldenFile);
    const QString command = QStringLiteral("mptcpscope-cli ") + arguments.join(QLatin1Char(' '));

    const Run run = runInProcess(arguments);
    QVERIFY2(run.code == 0, qPrintable(command + QStringLiteral(" failed: ") + run.err));
    QVERIFY2(!QString::fromUtf8(run.out).contains(repositoryRoot()),
             qPrintable(command + QStringLiteral(" writes a path of this machine")));

    QFile file(goldenDir() + QLatin1Char('/') + goldenFile);
    QVERIFY2(file.open(QIODevice::ReadOnly),
             qPrintable(QStringLiteral("tests/golden/%1: %2\n%3")
                            .arg(goldenFile, file.errorString(), QLatin1String(regenerateHint))));
    const QByteArray expected = file.readAll();
    if (run.out != expected)
        QFAIL(qPrintable(QStringLiteral("%1 differs from tests/golden/%2\n%3%4")
                             .arg(command, goldenFile, difference(expected, run.out), QLatin1String(regenerateHint))));
}

QTEST_GUILESS_MAIN(TestGolden)
#include "tst_golden.moc"
