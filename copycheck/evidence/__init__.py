"""The evidence side: documents and fact sheets -> claimrules/evidence.yaml (`copycheck evidence build`)."""
