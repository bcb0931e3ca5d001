#pragma once

#include "capture_ptr.h"
#include "charts/one_way_delay_chart_data.h"
#include "compare/reinjection_verdicts.h"
#include "series/chart_data.h"
#include "series/queue_chart.h"
#include "series/rtt_chart.h"
#include "series/tcp_attribute_chart.h"

#include <QObject>
#include <QString>

#include <array>
#include <memory>
#include <variant>
#include <vector>

QT_BEGIN_NAMESPACE
class QAbstractSeries;
class QChart;
QT_END_NAMESPACE

namespace app::charts {

class DecimatedSeries;
class PointCloudItem;
class ReinjectionLinkItem;

// A drawn series a hover can name the packets of.
struct HoverSource {
    const core::ChartSeries* data;
    double yScale;
    QAbstractSeries* series; // on the same axes; tells visibility and maps values to pixels
};

enum class ChartKind { Sequence, Goodput, Share, Rtt, TcpAttribute, OutOfOrderQueue, OneWayDelay };

struct ChartRequest {
    ChartKind kind = ChartKind::Sequence;
    // An MPTCP connection (by mptcp.stream) or a plain TCP connection (by tcp.stream); a
    // TcpAttribute chart is of one TCP connection, a subflow or not.
    std::variant<core::MptcpId, core::TcpStreamId> connection = core::MptcpId(0);
    core::Direction direction = core::Direction::ClientToServer; // of the data
    double goodputWindowSeconds = 0; // 0: a round window that follows the transfer's duration
    bool showDataAcks = true;
    int shareBins = 20;                                  // about that many round intervals
    std::uint8_t tcpAttributes = core::allTcpAttributes; // TcpAttribute: which ones (core::TcpAttribute bits)
    // With a pair open: the verdicts of this capture's reinjection packets (packet-table row,
    // verdict; by row), by which the DSN chart colours its reinjection markers.
    std::shared_ptr<const std::vector<std::pair<std::uint32_t, core::compare::Verdict>>> reinjectionVerdicts{};

    bool mptcp() const { return std::holds_alternative<core::MptcpId>(connection); }
    std::uint32_t number() const
    {
        return std::visit([](auto id) { return id.value; }, connection);
    }
};

// What a built chart keeps alive and what a hover needs: the full-resolution data behind
// every drawn series. A child of the chart, found with ChartHandle::of(chart).
class ChartHandle : public QObject {
    Q_OBJECT
public:
    struct Data {
        core::SequenceChartData sequence;
        core::GoodputChartData goodput;
        core::ShareChartData share;
        core::RttChartData rtt;
        core::TcpAttributeChartData tcpAttributes;
        // The sequence chart's reinjections split by verdict (useful, redundant, unknown), then
        // those without one; filled only with verdicts in the request.
        std::array<core::ChartSeries, 4> reinjectionsByVerdict;
        core::QueueChartData queue;
        OneWayDelayChartData oneWayDelay;
    };
    ChartHandle(CapturePtr capture, ChartRequest request, std::shared_ptr<Data> data, QObject* parent);
    ~ChartHandle() override;

    static ChartHandle* of(const QChart* chart);
    const CapturePtr& capture() const { return m_capture; }
    const ChartRequest& request() const { return m_request; }
    Data& data() { return *m_data; }
    const Data& data() const { return *m_data; }
    std::vector<DecimatedSeries*>& series() { return m_series; }
    std::vector<HoverSource>& hoverSources() { return m_hover; }
    void addPointCloud(PointCloudItem* item) { m_clouds.push_back(item); }
    const std::vector<PointCloudItem*>& pointClouds() const { return m_clouds; }
    void setLinks(ReinjectionLinkItem* links) { m_links = links; }
    ReinjectionLinkItem* reinjectionLinks() const { return m_links; } // null without reinjections
    void refreshAll();

private:
    CapturePtr m_capture;
    ChartRequest m_request;
    std::shared_ptr<Data> m_data;
    std::vector<DecimatedSeries*> m_series;
    std::vector<PointCloudItem*> m_clouds;
    ReinjectionLinkItem* m_links = nullptr;
    std::vector<HoverSource> m_hover;
};

// The full-resolution data of a chart, or why there is none (`data` null, `error` set).
struct ComputedChart {
    std::shared_ptr<ChartHandle::Data> data;
    QString error;
};

// The costly half of building a chart: core only, safe on a worker thread while others read
// the same capture (the capture is immutable once loaded).
ComputedChart computeChartData(const core::Capture& capture, const ChartRequest& request);

// The cheap half, on the GUI thread: the QChart drawing ready data (decimated to the pixels).
QChart* assembleChart(const CapturePtr& capture, const ChartRequest& request, std::shared_ptr<ChartHandle::Data> data);

// Both halves at once: the CLI exports what it builds so; the GUI computes on a worker.
// Returns nullptr with `error` set when the request names nothing in the capture.
QChart* buildChart(const CapturePtr& capture, const ChartRequest& request, QString* error = nullptr);

QString chartTitle(const core::Capture& capture, const ChartRequest& request);

} // namespace app::charts
