Get-X 'it''s' "a `"$env:PATH`" ${x y}." a'b'$c `u{1F600} –Name:$true <# c #> `
 -1,0x10