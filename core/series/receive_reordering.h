#pragma once

#include "metrics/receive_queue.h"
#include "metrics/reordering_figures.h"
#include "model/capture.h"

#include <vector>

namespace core {

// The out-of-order queue of one MPTCP connection direction, replayed from the capture on
// demand: each data packet's first copy arrives when the capture saw it. Meaningful as the
// receiver's queue when the capture was taken at the receiver (elsewhere it shows the
// reordering at the capture point).
struct ConnectionReordering {
    ReceiveQueue queue;
    ReorderingFigures figures;
    bool fromIdsn = true; // the start is the IDSN + 1; false: the key is unknown, the lowest DSN seen
};

// The data packets of `direction` with a resolved data sequence number, in file order.
std::vector<DataArrival> dataArrivals(const Capture& capture, const MptcpConnection& connection, Direction direction);

ConnectionReordering connectionReordering(const Capture& capture, const MptcpConnection& connection,
                                          Direction direction);

} // namespace core
