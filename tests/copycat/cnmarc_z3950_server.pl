#!/usr/bin/perl
# A small Z39.50 target on Index Data's SimpleServer (Debian libnet-z3950-simpleserver-perl),
# serving ISO 2709 files the way NLC/CALIS-style targets do: the bytes are sent as stored
# (GB18030 or UTF-8), nothing is re-encoded.
#
#   perl cnmarc_z3950_server.pl PORT DB=FILE [DB=FILE ...]
#
# Special databases: "slow" answers searches after SLEEP seconds (env SHUWU_SLOW_SECONDS,
# default 30) and "garbage" answers every search with one record of random-looking bytes.
# Search: bib-1 use 7 (ISBN) matches 010$a digits (ISBN-10 or ISBN-13 form); any other use
# attribute matches the term as a byte substring of the record (terms arrive in the target's
# charset when the client sets rpnCharset, like real GB targets expect).
use strict;
use warnings;
use Net::Z3950::SimpleServer;

my ($port, @specs) = @ARGV;
die "usage: $0 PORT DB=FILE ...\n" unless $port && @specs;
my %dbs;
for my $spec (@specs) {
    my ($name, $file) = split /=/, $spec, 2;
    my @records;
    if ($file && -f $file) {
        open my $fh, '<:raw', $file or die "$file: $!";
        local $/;
        my $data = <$fh>;
        close $fh;
        @records = map { "$_\x1d" } grep { length } split /\x1d/, $data;
    }
    $dbs{lc $name} = \@records;
}

sub digits { my $s = shift; $s =~ s/[^0-9Xx]//g; return uc $s }

sub isbn13 {
    my $d = digits(shift);
    return $d if length $d == 13;
    return '' unless length $d == 10;
    my $core = '978' . substr($d, 0, 9);
    my $sum = 0;
    my @n = split //, $core;
    $sum += $n[$_] * ($_ % 2 ? 3 : 1) for 0 .. 11;
    return $core . ((10 - $sum % 10) % 10);
}

sub record_isbns {
    my $rec = shift;
    my @out;
    while ($rec =~ /\x1fa([0-9Xx-]{10,17})/g) { push @out, isbn13($1) }
    return grep { length } @out;
}

sub terms {
    my $node = shift;
    my $class = ref $node;
    if ($class eq 'Net::Z3950::RPN::Term') {
        my $use = 1016;
        for my $a (@{ $node->{attributes} }) {
            $use = $a->{attributeValue} if $a->{attributeType} == 1;
        }
        return ([$use, $node->{term}]);
    }
    return map { terms($_) } @$node if $class =~ /RPN::(And|Or|AndNot)$/;
    return ();
}

sub search_handler {
    my $args = shift;
    my $db = lc($args->{DATABASES}->[0] // '');
    unless (exists $dbs{$db}) {
        $args->{ERR_CODE} = 109;    # database unavailable
        $args->{ERR_STR} = $db;
        return;
    }
    if ($db eq 'slow') {
        sleep($ENV{SHUWU_SLOW_SECONDS} // 30);
    }
    if ($db eq 'garbage') {
        $args->{HANDLE} = ["\x01\x02not a MARC record \xff\xfe" x 5];
        $args->{HITS} = 1;
        return;
    }
    my @wanted = terms($args->{RPN}->{query});
    my @hits;
    for my $rec (@{ $dbs{$db} }) {
        for my $w (@wanted) {
            my ($use, $term) = @$w;
            if ($use == 7) {
                my $want = isbn13($term);
                if ($want && grep { $_ eq $want } record_isbns($rec)) { push @hits, $rec; last }
            } elsif (length $term && index($rec, $term) >= 0) {
                push @hits, $rec;
                last;
            }
        }
    }
    $args->{HANDLE} = \@hits;
    $args->{HITS} = scalar @hits;
}

sub fetch_handler {
    my $args = shift;
    my $hits = $args->{HANDLE};
    my $rec = $hits->[ $args->{OFFSET} - 1 ];
    unless (defined $rec) {
        $args->{ERR_CODE} = 13;    # present request out of range
        return;
    }
    $args->{RECORD} = $rec;
    $args->{LEN} = length $rec;
    $args->{REP_FORM} = '1.2.840.10003.5.1';    # UNIMARC (CNMARC)
    $args->{LAST} = $args->{OFFSET} == scalar @$hits ? 1 : 0;
}

my $server = Net::Z3950::SimpleServer->new(
    INIT   => sub { $_[0]->{IMP_NAME} = 'Shuwu test CNMARC target' },
    SEARCH => \&search_handler,
    FETCH  => \&fetch_handler,
);
$server->launch_server('cnmarc_z3950_server.pl', '-l', '/dev/null', "tcp:127.0.0.1:$port");
