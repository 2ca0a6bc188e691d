import PruneLabCLI

PruneLab.main()
