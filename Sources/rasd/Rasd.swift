import ArgumentParser

@main
struct Rasd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rasd",
        abstract: "Rasd (رصد): an Arabic news intelligence engine.",
        subcommands: [
            Analyze.self,
            Extract.self,
            Ingest.self,
            Search.self,
            TrainNER.self,
            TrainEvents.self,
            EvalNER.self,
            Bench.self,
            Serve.self,
            Watch.self,
        ]
    )
}
