import RasdKit

/// Who met, accused, visited … whom: entities as nodes, an edge per (source, target, event type) with the
/// events behind it. An event links each actor to each participant that is not an actor; an event whose
/// participants are all actors (or none is) links them pairwise. Meetings and signings have no direction: their pair is written in id order.
struct StoryNetwork: Encodable {
    struct Node: Encodable {
        var id, type, label: String
        var label_en: String?
        /// Events the entity takes part in (in this network).
        var events: Int
    }

    struct Edge: Encodable {
        var source, target, type: String
        var directed: Bool
        var events: [String]
    }

    static let undirected = Set(EventType.allCases.filter(\.isSymmetric).map(\.rawValue))

    var nodes: [Node] = []
    var edges: [Edge] = []

    init(_ events: [Analysis.Event], _ story: StoryIndex) {
        var edgeIndex: [String: Int] = [:]
        var eventsOf: [String: Set<String>] = [:]
        for event in events {
            let ids = event.participants.map(\.entity)
            let actors = event.participants.filter { $0.role == ParticipantRole.actor.rawValue }.map(\.entity)
            let others = event.participants.filter { $0.role != ParticipantRole.actor.rawValue }.map(\.entity)
            var pairs: [(String, String)] = []
            if !actors.isEmpty && !others.isEmpty {
                // Co-actors ("the US and South Korea accused …") act together: no edge between them.
                for a in actors { for b in others { pairs.append((a, b)) } }
            } else {
                for (i, a) in ids.enumerated() { for b in ids[(i + 1)...] { pairs.append((a, b)) } }
            }
            let directed = !StoryNetwork.undirected.contains(event.type)
            for (a, b) in pairs where a != b && story.entity(a) != nil && story.entity(b) != nil {
                let (source, target) = directed || a < b ? (a, b) : (b, a)
                let key = "\(source)\u{1}\(target)\u{1}\(event.type)"
                if let i = edgeIndex[key] {
                    if !edges[i].events.contains(event.id) { edges[i].events.append(event.id) }
                } else {
                    edgeIndex[key] = edges.count
                    edges.append(Edge(source: source, target: target, type: event.type, directed: directed, events: [event.id]))
                }
                eventsOf[source, default: []].insert(event.id)
                eventsOf[target, default: []].insert(event.id)
            }
        }
        nodes = eventsOf.keys.sorted { (eventsOf[$0]!.count, $1) > (eventsOf[$1]!.count, $0) }.compactMap { id in
            guard let e = story.entity(id) else { return nil }
            return Node(id: id, type: e.type, label: e.label, label_en: e.label_en, events: eventsOf[id]?.count ?? 0)
        }
    }
}
