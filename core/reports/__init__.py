"""Readable reports: a framework report, an executive summary across frameworks and the ISO 27001
Statement of Applicability, as printable HTML, PDF and (the SoA) XLSX.

Each module has one job: ``framework_data``, ``executive_data`` and ``soa_data`` gather what a
report shows from the compliance services (the statuses are those of
:mod:`cyberorigen.compliance.reports`, never recomputed here); ``trend`` counts findings over
time; ``charts`` draws inline SVG; ``html`` renders the Jinja templates of ``templates/``;
``pdf`` prints that HTML with WeasyPrint; ``xlsx`` writes the SoA workbook; ``documents``
puts them together into a named file. Nothing here knows HTTP: a document is made from ids
(organization, user, framework), so a long one can later be made by a job.
"""
