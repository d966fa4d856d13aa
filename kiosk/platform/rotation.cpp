#include "platform/rotation.h"

namespace kiosk {

bool is_valid_rotation(int degrees) { return degrees == 0 || degrees == 90 || degrees == 180 || degrees == 270; }

Size2 logical_size(Size2 physical, int rotation) {
    if (rotation == 90 || rotation == 270) return {physical.height, physical.width};
    return physical;
}

Point2 to_logical(Point2 p, Size2 panel, int rotation) {
    switch (rotation) {
    case 90: return {p.y, panel.width - p.x};     // the UI's x runs down the panel, its y leftwards
    case 180: return {panel.width - p.x, panel.height - p.y};
    case 270: return {panel.height - p.y, p.x};   // the UI's x runs up the panel, its y rightwards
    default: return p;
    }
}

Point2 to_physical(Point2 l, Size2 panel, int rotation) {
    switch (rotation) {
    case 90: return {panel.width - l.y, l.x};
    case 180: return {panel.width - l.x, panel.height - l.y};
    case 270: return {l.y, panel.height - l.x};
    default: return l;
    }
}

} // namespace kiosk
