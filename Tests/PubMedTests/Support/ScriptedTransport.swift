import LoopbackHTTP

@testable import PubMed

/// An ``HTTPTransport`` that answers from a script instead of the network, and records what it was
/// asked: for tests of code above the HTTP layer (the matcher, the cache) that need exact answers.
/// Answers are chosen by the last path component of the URL (`efetch.fcgi`); the last one repeats.
final class ScriptedTransport: HTTPTransport {
    enum Answer: Sendable {
        case response(HTTPResponse)
        case failure(HTTPError)

        static func ok(_ body: String) -> Answer {
            .response(HTTPResponse(status: 200, headers: [HTTPHeader(name: "Content-Type", value: "text/xml")], body: Array(body.utf8)))
        }

        static func status(_ code: Int, headers: [HTTPHeader] = [], body: String = "") -> Answer {
            .response(HTTPResponse(status: code, headers: headers, body: Array(body.utf8)))
        }
    }

    private struct State {
        var script: [String: [Answer]] = [:]
        var hits: [String: Int] = [:]
        var requests: [(HTTPRequest, ContinuousClock.Instant)] = []
    }

    private let state = Locked(State())

    init(_ script: [String: [Answer]] = [:]) {
        state.withLock { $0.script = script }
    }

    var requests: [HTTPRequest] { state.withLock { $0.requests.map(\.0) } }
    var times: [ContinuousClock.Instant] { state.withLock { $0.requests.map(\.1) } }

    func send(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse {
        let path = request.url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.url
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let answer = state.withLock { state -> Answer in
            state.requests.append((request, .now))
            guard let answers = state.script[name], !answers.isEmpty else {
                return .status(404, body: "no script for \(name)")
            }
            let hit = state.hits[name, default: 0]
            state.hits[name] = hit + 1
            return answers[min(hit, answers.count - 1)]
        }
        switch answer {
        case .response(let response): return response
        case .failure(let error): throw error
        }
    }
}
