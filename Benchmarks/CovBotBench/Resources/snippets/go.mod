module covbot.bench/snippets

go 1.22
