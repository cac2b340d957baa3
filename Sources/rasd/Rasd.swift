import ArgumentParser

@main
struct Rasd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rasd",
        abstract: "Rasd (رصد): an Arabic news intelligence engine.",
        subcommands: [
            Ingest.self,
            Search.self,
        ]
    )
}
